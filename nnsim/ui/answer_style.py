"""How right and wrong answers look wherever they are shown (the confusion matrix, the data
table): colour-blind safe colours (Okabe-Ito blue and orange) and, for wrong answers, a mark
too, so they read without colour."""

#: background of right answers (the confusion matrix's diagonal)
RIGHT_BACKGROUND = "#cde3f5"
#: background of wrong answers (mix-ups)
WRONG_BACKGROUND = "#fbdcc0"
#: text colour of a wrong answer, dark enough on white and on ``WRONG_BACKGROUND``
WRONG_TEXT = "#8a3b00"
#: the mark before a wrong answer
WRONG_MARK = "✗"

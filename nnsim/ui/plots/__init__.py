"""Pictures of training: the loss and accuracy curves and the decision boundary."""

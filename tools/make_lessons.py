"""Writes nnsim/resources/lessons/*.nnsim and trains each to check its goal (timing printed).

    PYTHONPATH=. .venv/bin/python tools/make_lessons.py nnsim/resources/lessons
"""
import sys, time
from pathlib import Path
import numpy as np
from nnsim.core import Network
from nnsim.core.dataset import Dataset
from nnsim.core.document import DataSource, Goal, build_document, save_document, load_document
from nnsim.core.trainer import Trainer, TrainingSettings
from nnsim.core.training_data import prepare_data

OUT = Path(sys.argv[1])

def table(name, X, y, classes, features=("x1", "x2")):
    return DataSource.table(Dataset(np.array(X, float), np.array(y), list(features), list(classes), name))

GATE_X = [[0, 0], [0, 1], [1, 0], [1, 1]]
L = {}

net = Network([2, 1], ["step"], seed=0, threshold=0.5)
net.weights[0][:, 0] = [0.2, 0.3]; net.biases[0][0] = 0.1
L["01_one_neuron"] = dict(
    network=net, source=table("one neuron", [[1.0, 0.5], [1.0, 1.0]], [0, 1], ["off", "on"]),
    fraction=0.0, standardize=False, settings=TrainingSettings(learning_rate=0.01, batch_size=2),
    goal=Goal("train_accuracy", 1.0, 1), node=(1, 0), sample=0,
    title={"en": "One neuron", "es": "Una neurona"},
    note={"en": "The worked example: one node with two inputs, weights W = 0.2 and 0.3, bias B = 0.1 and a step "
                "activation with threshold 0.5. With the first input set (X = 1.0, 0.5) W·X + B = 0.45: it stays off. "
                "Pick the second sample (X = 1.0, 1.0): W·X + B = 0.6 passes 0.5 and the node switches on. "
                "Then drag a weight and watch the output change.",
          "es": "El ejemplo del texto: un nodo con dos entradas, pesos W = 0,2 y 0,3, sesgo B = 0,1 y una activación "
                "escalón con umbral 0,5. Con el primer conjunto de entradas (X = 1,0; 0,5) W·X + B = 0,45: no se "
                "activa. Elige la segunda muestra (X = 1,0; 1,0): W·X + B = 0,6 supera 0,5 y el nodo se activa. "
                "Después mueve un peso y mira cómo cambia la salida."})

for gate, ys, es in (("and", [0, 0, 0, 1], "Y"), ("or", [0, 1, 1, 1], "O")):
    L[f"0{2 if gate == 'and' else 3}_{gate}"] = dict(
        network=Network([2, 1], ["sigmoid"], seed=1), source=table(gate.upper(), GATE_X, ys, ["0", "1"]),
        fraction=0.0, standardize=False, settings=TrainingSettings(learning_rate=2.0, batch_size=4),
        goal=Goal("train_accuracy", 1.0, 300), node=(1, 0), sample=3,
        title={"en": f"{gate.upper()} with one neuron", "es": f"{es} lógico con una neurona"},
        note={"en": f"Four examples, the truth table of {gate.upper()}. One neuron draws one straight line, and that "
                    f"is enough here: train it and watch W and B settle so that the output is on only "
                    f"{'when both inputs are 1' if gate == 'and' else 'when at least one input is 1'}.",
              "es": f"Cuatro ejemplos: la tabla de verdad de {es}. Una neurona traza una sola recta, y aquí basta: "
                    f"entrénala y mira cómo los pesos W y el sesgo B se ajustan para que la salida se active sólo "
                    f"{'cuando las dos entradas valen 1' if gate == 'and' else 'cuando al menos una entrada vale 1'}."})

L["04_xor"] = dict(
    network=Network([2, 4, 2], ["tanh", "softmax"], seed=2), source=DataSource.builtin("xor", seed=0),
    fraction=0.3, settings=TrainingSettings(learning_rate=0.1, batch_size=10, optimizer="adam"),
    goal=Goal("test_accuracy", 0.9, 60), node=(1, 0), sample=0,
    title={"en": "XOR needs a hidden layer", "es": "XOR necesita una capa oculta"},
    note={"en": "The classes sit in opposite corners: no single straight line separates them, so one neuron cannot. "
                "This network has a hidden layer of four nodes: train it and watch each hidden node draw its own line; "
                "the output combines them. Try removing the hidden layer.",
          "es": "Las clases están en esquinas opuestas: ninguna recta las separa, así que una neurona sola no puede. "
                "Esta red tiene una capa oculta de cuatro nodos: entrénala y mira cómo cada nodo oculto traza su propia "
                "recta; la salida las combina. Prueba a quitar la capa oculta."})

L["05_iris"] = dict(
    network=Network([4, 6, 5, 3], ["tanh", "tanh", "softmax"], seed=0), source=DataSource.builtin("iris"),
    fraction=0.3, settings=TrainingSettings(learning_rate=0.05, batch_size=10, optimizer="adam"),
    goal=Goal("test_accuracy", 0.9, 60), node=(1, 0), sample=0,
    title={"en": "Iris flowers: a four-layer network", "es": "Flores Iris: una red de cuatro capas"},
    note={"en": "The four measurements of each flower feed the input layer; two hidden layers pass the information on; "
                "the three output nodes are the species setosa, versicolor and virginica. Training changes every W and "
                "B, using the known answers, until the right output activates.",
          "es": "Las cuatro medidas de cada flor alimentan la capa de entrada; dos capas ocultas pasan la información; "
                "los tres nodos de salida son las especies setosa, versicolor y virginica. El entrenamiento cambia "
                "cada W y cada B, usando las respuestas conocidas, hasta que se activa la salida correcta."})

L["06_circles"] = dict(
    network=Network([2, 6, 2], ["tanh", "softmax"], seed=3), source=DataSource.builtin("circles", seed=0),
    fraction=0.3, settings=TrainingSettings(learning_rate=0.05, batch_size=10, optimizer="adam"),
    goal=Goal("test_accuracy", 0.95, 80), node=(1, 0), sample=0,
    title={"en": "Circles", "es": "Círculos"},
    note={"en": "A disc of one class inside a ring of the other. The boundary has to be a closed curve: six hidden "
                "nodes, each a straight line, together fence the disc in. Watch the picture of the boundary close up.",
          "es": "Un disco de una clase dentro de un anillo de la otra. La frontera tiene que ser una curva cerrada: "
                "seis nodos ocultos, cada uno una recta, juntos encierran el disco. Mira cómo se cierra la frontera."})

L["07_spiral"] = dict(
    network=Network([2, 12, 12, 2], ["tanh", "tanh", "softmax"], seed=4), source=DataSource.builtin("spiral", seed=0),
    fraction=0.2, settings=TrainingSettings(learning_rate=0.02, batch_size=10, optimizer="adam"),
    goal=Goal("train_accuracy", 0.95, 150), node=(2, 0), sample=0,
    title={"en": "Spiral: depth helps", "es": "Espiral: la profundidad ayuda"},
    note={"en": "Two arms winding around each other. A single hidden layer struggles; two hidden layers of twelve "
                "nodes build curves out of curves. Train it and watch the boundary wind along the arms; then try "
                "removing a layer.",
          "es": "Dos brazos enrollados uno en otro. Con una sola capa oculta cuesta mucho; dos capas ocultas de doce "
                "nodos construyen curvas a partir de curvas. Entrénala y mira cómo la frontera sigue los brazos; "
                "después prueba a quitar una capa."})

L["08_sine_curve"] = dict(
    network=Network([1, 8, 8, 1], ["tanh", "tanh", "linear"], seed=5), source=DataSource.builtin("curve", seed=0),
    fraction=0.2, settings=TrainingSettings(learning_rate=0.01, batch_size=10, optimizer="adam"),
    goal=Goal("train_loss", 0.02, 300), node=(1, 0), sample=0,
    title={"en": "Fitting a curve (regression)", "es": "Ajustar una curva (regresión)"},
    note={"en": "Not classes this time but a number: the output node is linear and learns y = sin(x) from noisy "
                "points. The loss is the mean squared error; watch it fall as the curve bends into shape.",
          "es": "Esta vez no hay clases sino un número: el nodo de salida es lineal y aprende y = sen(x) a partir de "
                "puntos con ruido. La pérdida es el error cuadrático medio; mira cómo baja mientras la curva toma forma."})

for name, spec in L.items():
    data = prepare_data(spec["source"].load(), spec["fraction"], 0, spec.get("standardize", True))
    doc = build_document(spec["network"], data, spec["settings"], source=spec["source"], test_fraction=spec["fraction"],
                         split_seed=0, title=spec["title"], note=spec["note"], goal=spec["goal"],
                         selected_node=spec["node"], sample_index=spec["sample"])
    path = OUT / f"{name}.nnsim"
    save_document(path, doc)
    doc = load_document(path)
    t = time.perf_counter()
    trainer = Trainer(doc.network.copy(), doc.data, doc.settings)
    trainer.train_epochs(doc.goal.epochs)
    m = trainer.evaluate()
    print(f"{name:16s} {doc.goal.metric}={getattr(m, doc.goal.metric):.4f} goal {doc.goal.value} "
          f"reached={doc.goal.reached(m)} {time.perf_counter() - t:.2f}s", doc.network.forward(doc.data.X_train).ravel()[:4] if name.startswith('01') else "")

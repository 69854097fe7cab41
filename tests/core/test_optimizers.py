"""Optimizers and regularization: single updates against the formulas, descent, penalties
against finite differences."""

import numpy as np
import pytest

from nnsim.core import Network
from nnsim.core.optimizers import (
    FLUSH_BELOW,
    FLUSH_EVERY,
    SGD,
    Adam,
    Momentum,
    Regularization,
    make_optimizer,
    weight_mask,
)

LR = 0.05


def _params_and_grad(n=12, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=n), rng.normal(size=n)


def test_sgd_single_update_is_params_minus_lr_times_gradient():
    p, g = _params_and_grad()
    expected = p - LR * g
    SGD(p.size, LR).update(p, g.copy())
    np.testing.assert_allclose(p, expected, rtol=1e-15, atol=0)


def test_momentum_two_updates_follow_the_velocity_formula():
    p, g1 = _params_and_grad(seed=1)
    _, g2 = _params_and_grad(seed=2)
    mu = 0.9
    v1 = -LR * g1
    p1 = p + v1
    v2 = mu * v1 - LR * g2
    p2 = p1 + v2
    opt = Momentum(p.size, LR, mu)
    opt.update(p, g1.copy())
    np.testing.assert_allclose(p, p1, rtol=1e-14)
    opt.update(p, g2.copy())
    np.testing.assert_allclose(p, p2, rtol=1e-14)
    np.testing.assert_allclose(opt.velocity, v2, rtol=1e-14)


def _adam_reference(p, grads, lr, b1=0.9, b2=0.999, eps=1e-8):
    """Adam exactly as in the paper, with explicit bias corrections."""
    p = p.copy()
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        p = p - lr * m_hat / (np.sqrt(v_hat) + eps)
    return p


def test_adam_first_step_is_lr_times_sign_of_gradient():
    p, g = _params_and_grad(seed=3)
    start = p.copy()
    Adam(p.size, LR).update(p, g.copy())
    np.testing.assert_allclose(p, _adam_reference(start, [g], LR), rtol=1e-13)
    # |g| >> eps, so the first step is lr * sign(g) up to eps/|g|.
    np.testing.assert_allclose(start - p, LR * np.sign(g), rtol=1e-6)


def test_adam_matches_the_paper_formula_over_many_steps():
    p, _ = _params_and_grad(seed=4)
    rng = np.random.default_rng(5)
    grads = [rng.normal(size=p.size) for _ in range(40)]
    expected = _adam_reference(p, grads, LR)
    opt = Adam(p.size, LR)
    for g in grads:
        opt.update(p, g.copy())
    np.testing.assert_allclose(p, expected, rtol=1e-12)
    assert opt.t == 40


def test_adam_flushes_tiny_moments_to_zero():
    opt = Adam(4, LR)
    subnormal = 1e-310
    opt.m[:] = [subnormal, -subnormal, -1e-120, 0.3]
    opt.v[:] = [subnormal, 1e-120, 0.2, 0.3]
    opt.flush_tiny()
    assert opt.m.tolist() == [0.0, 0.0, 0.0, 0.3]
    assert opt.v.tolist() == [0.0, 0.0, 0.2, 0.3]
    assert FLUSH_BELOW > np.finfo(float).tiny  # everything subnormal is below it


def test_adam_flushes_during_updates_so_dead_units_never_stay_subnormal():
    p = np.zeros(3)
    opt = Adam(3, LR)
    opt.update(p, np.array([1.0, 0.0, 0.0]))
    opt.m[1] = opt.v[1] = 1e-310  # as a long-dead unit's moments would become
    for _ in range(FLUSH_EVERY):
        opt.update(p, np.array([1.0, 0.0, 0.0]))
    assert opt.m[1] == 0.0 and opt.v[1] == 0.0
    assert opt.m[0] > 0 and opt.v[0] > 0


def _regression_problem(seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 3))
    Y = X @ np.array([[1.0], [-2.0], [0.5]]) + 0.3
    return X, Y


@pytest.mark.parametrize("name,lr", [("sgd", 0.05), ("momentum", 0.02), ("adam", 0.02)])
def test_every_optimizer_decreases_the_loss(name, lr):
    X, Y = _regression_problem()
    net = Network([3, 5, 1], ["tanh", "linear"], seed=0)
    grad = np.empty_like(net.params)
    ws = net.workspace(X.shape[0])
    opt = make_optimizer(name, net.n_params, lr)
    first = net.loss(X, Y, "mse")
    for _ in range(200):
        net.gradient_into(X, Y, "mse", grad, ws)
        opt.update(net.params, grad)
    assert net.loss(X, Y, "mse") < 0.1 * first


def test_unknown_optimizer_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="sgd, momentum, adam"):
        make_optimizer("rmsprop", 3, 0.1)


def test_weight_mask_covers_weights_not_biases():
    net = Network([3, 4, 2], seed=0)
    mask = weight_mask(net)
    weights, biases = net.views(mask)
    assert all(np.all(W == 1.0) for W in weights)
    assert all(np.all(b == 0.0) for b in biases)
    assert mask.sum() == 3 * 4 + 4 * 2


@pytest.mark.parametrize("kind", ["l1", "l2"])
def test_penalty_gradient_matches_finite_differences(kind, numeric_gradient):
    rng = np.random.default_rng(7)
    net = Network([3, 4, 2], ["tanh", "softmax"], seed=1)
    net.params[:] = rng.normal(size=net.n_params)
    # Away from 0, where |W| has a derivative (L1's kink).
    small = np.abs(net.params) < 0.05
    net.params[small] = 0.1
    X = rng.normal(size=(6, 3))
    Y = np.eye(2)[rng.integers(0, 2, size=6)]
    reg = Regularization(kind, 0.3, weight_mask(net))

    grad = np.empty_like(net.params)
    net.gradient_into(X, Y, "cross_entropy", grad, net.workspace(6))
    data_grad = grad.copy()
    reg.add_gradient(net.params, grad)

    numeric = numeric_gradient(lambda: net.loss(X, Y, "cross_entropy") + reg.penalty(net.params), net.params)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)
    # The penalty's part is λW (L2) or λ·sign(W) (L1) on weights, nothing on biases.
    weights, biases = net.views(grad - data_grad)
    for l, (dW, db) in enumerate(zip(weights, biases)):
        W = net.weights[l]
        np.testing.assert_allclose(dW, 0.3 * (W if kind == "l2" else np.sign(W)), rtol=1e-12)
        assert np.all(db == 0.0)


def test_penalty_values():
    net = Network([2, 2], ["linear"], seed=0)
    net.weights[0] = [[1.0, -2.0], [3.0, 0.0]]
    net.biases[0] = [10.0, -10.0]  # biases are not penalized
    mask = weight_mask(net)
    assert Regularization("l2", 0.5, mask).penalty(net.params) == pytest.approx(0.5 * 0.5 * 14.0)
    assert Regularization("l1", 0.5, mask).penalty(net.params) == pytest.approx(0.5 * 6.0)
    none = Regularization("none", 0.5, mask)
    assert none.penalty(net.params) == 0.0
    grad = np.ones_like(net.params)
    none.add_gradient(net.params, grad)
    assert np.all(grad == 1.0)


def test_unknown_regularization_is_refused():
    with pytest.raises(ValueError, match="none, l1, l2"):
        Regularization("l3", 0.1, np.ones(3))

"""What the optimizer panel shows: each update in symbols and in one sentence.

Symbols follow DESIGN.md: g = ∇f at the current point, η the learning rate
after its schedule, t the 1-based step.
"""

_ADAM_LINES = (
    "m ← β₁m + (1 − β₁)g\n"
    "v ← β₂v + (1 − β₂)g²\n"
    "m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   (m̂ = m, v̂ = v without bias correction)\n"
    "x ← x − η m̂ / (√v̂ + ε)"
)

FORMULAS: dict[str, str] = {
    "sgd": "x ← x − ηg",
    "momentum": "v ← μv − ηg\nx ← x + v",
    "momentum_ema": "v ← βv + (1 − β)g\nx ← x − ηv",
    "nesterov": "v′ ← v\nv ← μv − ηg\nx ← x − μv′ + (1 + μ)v",
    "adagrad": "c ← c + g²\nx ← x − ηg / (√c + ε)",
    "rmsprop": "c ← ρc + (1 − ρ)g²\nx ← x − ηg / (√c + ε)",
    "adam": _ADAM_LINES,
    "adamw": _ADAM_LINES + "\nx ← x − ηλx",
    "newton": "H = ∇²f(x)\nx ← x − η(H + δI)⁻¹g",
    "random_search": "x′ ~ Uniform(bounds)\nx ← x′ if f(x′) < f(x)",
    "random_local_search": "x′ = x + σ·N(0, I)\nx ← x′ if f(x′) < f(x)",
}

SUMMARIES: dict[str, str] = {
    "sgd": "Step straight downhill, a fixed fraction η of the gradient.",
    "momentum": "A heavy ball: the velocity remembers past gradients (μ of it survives each "
    "step), so it speeds up along steady slopes and damps zig-zags.",
    "momentum_ema": "Momentum written as an exponential moving average of gradients (β), "
    "then a step of size η along that average.",
    "nesterov": "Momentum with a look-ahead: the gradient is effectively taken where the "
    "velocity is about to carry the point, which brakes earlier.",
    "adagrad": "Divides each coordinate's step by the root of its summed squared gradients, "
    "so steep directions slow down (and every step keeps shrinking).",
    "rmsprop": "Like AdaGrad but with a leaky average (ρ) of squared gradients, so the "
    "step size adapts without dying out.",
    "adam": "Momentum (β₁) plus RMSprop-style scaling (β₂), both bias-corrected in the "
    "first steps.",
    "adamw": "Adam followed by decoupled weight decay that shrinks the point toward the "
    "origin by ηλ each step.",
    "newton": "Jumps to the minimum of the local quadratic model using the Hessian (damped "
    "by δ); fast near a minimum, attracted by saddles.",
    "random_search": "Draws a random point anywhere in the bounds and keeps it only if it "
    "is lower: no gradient at all.",
    "random_local_search": "Tries a random nearby point (spread σ) and keeps it only if it "
    "is lower: no gradient at all.",
}

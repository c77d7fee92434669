"""Training the NLI cross-encoder: data readers and generators, the training loop, the model card.

Kept apart from :mod:`vericlaim.models`, which holds only what ``check``
loads, so that a fact-check never imports training code and training can
grow (new data sources, checkpoints) without touching the runtime.
"""

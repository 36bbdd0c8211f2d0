"""The HTTP contract's request and response models: one definition each, shared by the routes,
the renderers and the batch CLI. Plain dataclasses stay inside the domain; these are the edge."""

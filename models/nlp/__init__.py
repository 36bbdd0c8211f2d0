"""Language analysis (spaCy) pipelines for nb, nn, sv, da: data conversion, training, evaluation.

See models/nlp/README.md. Run the scripts from the repository root:
`python -m models.nlp.<script>`.
"""

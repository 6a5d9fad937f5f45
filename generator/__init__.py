"""Generate the open-model comparison site from the YAML files in data/.

The pipeline runs one way: load -> validate -> model -> derive -> render -> write.
Each stage is a module of this package; no stage imports a later one.
"""

"""The bottom layer: values and helpers that every other layer may use and that use nothing of ours.

Findings and their summary, the provenance of the data (git commit, build time), the process-pool policy and
the scoped garbage-collector pause.
"""

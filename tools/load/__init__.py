"""Reading the repository's files: where records live (layout), bytes to positioned YAML (yaml_loader), the
raw-text hints, and the content cache. Nothing here knows the schemas of the records."""

"""What a record is: the schemas (the single source of field names and their Chinese meaning), the fixed
vocabularies, validation, the in-memory records and repository, and the assembly of the model from files."""

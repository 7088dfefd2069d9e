"""The static API for department systems (``api/v1/`` in the built site): payloads, JSON Schemas, OpenAPI, and
the check of feedback files (联合惩戒结果反馈). An output beside ``site`` and ``export``."""
from tools.api.files import api_files, write_api, write_site_api  # noqa: F401
from tools.api.schemas import API_REVISION, API_VERSION  # noqa: F401

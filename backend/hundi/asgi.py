"""The application object for ASGI servers: `uvicorn hundi.asgi:app --workers 4`.

Each worker process imports this module, so it sets up logging itself.
"""

from hundi.app import create_app
from hundi.logs import configure_logging
from hundi.runtime import tune_garbage_collector
from hundi.settings import get_settings

_settings = get_settings()
configure_logging(_settings.effective_log_format, _settings.log_level)

app = create_app(_settings)
tune_garbage_collector()

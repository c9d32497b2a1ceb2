"""MkDocs hooks (named in mkdocs.yml). MkDocs loads this file by path; the work is done in
macros/engine/adapter.py, the one module that knows the engine."""
from macros.engine.adapter import (  # noqa: F401  (MkDocs looks the hooks up by name)
    on_build_error,
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_pre_build,
    on_startup,
)

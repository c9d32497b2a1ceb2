"""The site: pages from templates, Markdown, figures, JSON-LD and open data. Engine-free."""

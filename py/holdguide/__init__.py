"""Hold Guide: recognise an Amazon account hold and plan the way back.

The package is pure Python with no dependencies, so the same wheel runs under CPython (the ``holdguide``
command) and in the browser through Pyodide (``holdguide.api.run_json`` is the bridge's only entry point).
"""

__version__ = "0.1.0"

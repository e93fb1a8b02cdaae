"""Run inside Pyodide by scripts/make_snapshot.mjs before the memory snapshot is taken (never shipped).

Whatever this imports, parses or compiles is already done when the extension starts from the snapshot, so the
first answer costs milliseconds: every module of the package is imported, and the bridge's entry point answers
each kind of request once per plan language (which reads every data file: signals, texts, steps, marketplaces,
phishing cues). It only calls the public entry point, so it needs no change when the package grows. Anything it
misses still works after a restore (the bridge writes the wheel's files again), only slower the first time.
Everything is local to one function, so the snapshot's ``__main__`` keeps no names from here.
"""


def _warm_up() -> None:
    import importlib
    import json
    import pkgutil

    import holdguide
    from holdguide import api

    def call(request: dict) -> dict:
        return json.loads(api.run_json(json.dumps(request)))

    for module in pkgutil.walk_packages(holdguide.__path__, "holdguide."):
        if not module.name.endswith(".__main__"):  # that one runs the CLI
            importlib.import_module(module.name)
    options = call({"op": "options"})["result"]
    page = {"url": "https://www.amazon.com/ap/signin", "title": "Amazon Sign-In", "lang": "en-US",
            "text": "Your account is on hold. Sign in to verify your payment."}
    details = {"name": "A", "email": "a@example.org", "order": "123-1234567-1234567", "tickets": "1"}
    for language in [entry["code"] for entry in options["languages"]]:
        for marketplace in options["marketplaces"]:
            call({"op": "choose", "situation": options["situations"][0], "marketplace": marketplace["domain"],
                  "language": language})
        for situation in options["situations"]:
            call({"op": "choose", "situation": situation, "marketplace": None, "language": language,
                  "details": details})
        detection = call({"op": "analyze", "page": {**page, "lang": language}, "language": language})["detection"]
        call({"op": "plan", "detection": detection, "page": page, "language": language, "details": details})
        call({"op": "message", "text": "From: account@amazon.example\nYour account is on hold.", "language": language})
        call({"op": "caselog", "entries": [], "marketplace": "amazon.com", "language": language,
              "today": "2025-01-01"})


_warm_up()
del _warm_up

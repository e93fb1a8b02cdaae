"""The guidance: from a situation, a marketplace, a language and the shopper's details to the plan they follow.

Pure data in, plain values out; detection (:mod:`holdguide.detection`) decides *what* happened, this package says
*what to do*. One module a job:

- :mod:`.plan`        the ordered plan of a situation (steps, reasons, tips, prevention, warnings);
- :mod:`.plan_data`   the plan's context and the data files it reads (steps, contacts, rights);
- :mod:`.step_links`  the links of each step, built only from our own data;
- :mod:`.links`       the link builders (mailto:, tel:, X intents, official hosts);
- :mod:`.texts`       the plan's words in each language (``data/texts/<lang>.toml``) and the language rule;
- :mod:`.details`     the shopper's details: validated, never trusted;
- :mod:`.caselog`     the case log's report: follow-ups, the follow-up e-mail, the export;
- :mod:`.render_text` a plan as plain text, for the command line.
"""

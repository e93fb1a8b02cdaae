"""The guidance: from a situation, a marketplace, a language and the shopper's details to the plan they follow.

Pure data in, plain values out; detection (:mod:`holdguide.detection`) decides *what* happened, this package says
*what to do*. One module a job:

- :mod:`.plan`        the ordered plan of a situation (title, intro, steps, advice, warnings, headings);
- :mod:`.plan_data`   the plan's data files, one situation's table (with its subtype's overrides), the plan context;
- :mod:`.step_links`  the links of each step and the e-mails they prefill, built only from our own data;
- :mod:`.rights`      the legal routes of a marketplace and situation, and the allow-list of authority hosts;
- :mod:`.links`       the URL builders (Amazon's own pages, mailto:, tel:, X intents);
- :mod:`.texts`       the plan's words in each language (``data/texts/<lang>.toml``) and the language rule;
- :mod:`.details`     the shopper's details: validated, never trusted;
- :mod:`.caselog`     the case log: follow-ups, the follow-up e-mail, the export, the panel's words, and whether a
                      case is logged at all;
- :mod:`.render_text` a plan as plain text, for the command line;
- :mod:`.shapes`      the typed shapes of Plan, Step, Link and the case log's labels.
"""

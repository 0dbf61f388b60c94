from inspectorate.notifications import catalogue

catalogue.register(
    "report_ready",
    "A report someone asked for has been rendered and can be downloaded.",
    {"title": "National overview report: disabled children and young people", "version": 2, "link": "/reports/1/"},
)

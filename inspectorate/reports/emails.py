from inspectorate.notifications import catalogue

catalogue.register(
    "report_ready",
    "A report someone asked for has been rendered and can be downloaded.",
    {"title": "National overview report: disabled children and young people", "version": 2, "link": "/reports/1/"},
)
catalogue.register(
    "report_released",
    "The review team has released an area report: the area's own co-ordinator can now read it.",
    {
        "full_name": "Graham Stewart",
        "title": "Area feedback report: Dundee City",
        "local_authority": "Dundee City",
        "link": "/reports/area-feedback/1/",
    },
)

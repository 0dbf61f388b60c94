"""The emails record reading sends, registered in the notifications catalogue."""

from inspectorate.notifications import catalogue

catalogue.register(
    "records_sample_drawn",
    "The team drew the area's record sample: the co-ordinator makes those records available to the readers.",
    {
        "review": "Thematic review of social work services for disabled children and young people",
        "area": "Dundee City",
        "size": 3,
        "references": ["DC-10482", "DC-11907", "DC-12033"],
        "reserve": ["DC-10877", "DC-12510"],
        "link": "/records/area/1/case-list/",
    },
)
catalogue.register(
    "records_results_released",
    "The team released the area's record reading results to its co-ordinator.",
    {
        "review": "Thematic review of social work services for disabled children and young people",
        "area": "Dundee City",
        "link": "/records/area/1/results/",
    },
)

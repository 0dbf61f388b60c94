from django.db import migrations


def seed(apps, schema_editor):
    from reviews.frameworks import install

    install(apps.get_model("reviews", "QualityFramework"), apps.get_model("reviews", "QualityIndicator"))


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_timelines_engagement_evaluations")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

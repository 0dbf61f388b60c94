from django.db import migrations
from django.utils.text import slugify

from inspectorate.organisations.local_authorities import LOCAL_AUTHORITIES


def create_local_authorities(apps, schema_editor):
    LocalAuthority = apps.get_model("organisations", "LocalAuthority")
    for name, gss_code in LOCAL_AUTHORITIES:
        LocalAuthority.objects.update_or_create(gss_code=gss_code, defaults={"name": name, "slug": slugify(name)})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]

    operations = [migrations.RunPython(create_local_authorities, migrations.RunPython.noop)]

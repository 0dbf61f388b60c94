from django import forms


class ExcerptForm(forms.Form):
    text = forms.CharField(
        label="The passage as it may be quoted",
        help_text="Take out anything that could identify a child, a family or a member of staff",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the passage as it may be quoted"},
    )

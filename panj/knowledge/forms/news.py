"""Forms of network news."""

from __future__ import annotations

from django import forms

from panj.knowledge.models import NewsPost
from panj.knowledge.services.news import PostDetails


class NewsPostForm(forms.ModelForm[NewsPost]):
    class Meta:
        model = NewsPost
        fields = ["title", "lead", "body", "place", "contact", "audience"]
        widgets = {
            "lead": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 10}),
            "audience": forms.RadioSelect,
        }

    def details(self) -> PostDetails:
        data = self.cleaned_data
        return PostDetails(
            title=data["title"],
            lead=data["lead"],
            body=data["body"],
            place=data["place"],
            contact=data["contact"],
            audience=data["audience"],
        )

"""Forms for sign-up and account deletion; Django's own forms cover log-in and passwords."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm, UsernameField


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        required=True,
        help_text="Used only to reset your password.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    class Meta:
        model = get_user_model()
        fields = ("username", "email")
        field_classes = {"username": UsernameField}

    def clean_email(self) -> str:
        # Not checked for uniqueness: saying "taken" would tell anyone which addresses have accounts.
        # A reset mail goes to every active account with the address, so each can still be recovered.
        return str(self.cleaned_data["email"]).strip().lower()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Type your password to confirm. Everything you practised is deleted and cannot be recovered.",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return str(password)

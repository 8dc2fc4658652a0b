"""A whole-page scrape for the line classifier's tests: navigation, an English article body, a footer."""

from __future__ import annotations

BODY = [
    "The central bank raised its key interest rate by half a percentage point on Thursday, the largest move in years.",
    "Officials said the decision was meant to slow inflation, which has climbed to its highest level in four decades.",
    "Markets had expected the increase, and stocks rose modestly after the announcement was made in the afternoon.",
    "Several economists warned that further increases could push the economy into a recession later this year.",
    "The bank's governor told reporters that the board would watch the data closely before deciding on next steps.",
    "Consumer prices rose by more than eight percent over the past twelve months, according to official figures.",
]
NAV = ["Home", "World", "Business", "Markets", "Tech", "Opinion", "Sport", "Culture", "Travel", "Video"]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Sitemap", "Help centre", "Accessibility"]

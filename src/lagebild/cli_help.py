"""Help screens as a reader expects them: no type column for flags (Typer shows ``<bool>``) and a required
argument as ``INPUT...`` in the usage line (Typer shows ``{inputs}...``)."""

from __future__ import annotations

from typing import Any


def plain_help() -> None:
    """Adjust Typer's help rendering once per process (a no-op on Typer versions without these hooks)."""
    from typer import core

    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is None or argument is None or getattr(option, "_lagebild_plain", False):
        return
    if hasattr(option, "display_type_rich"):
        typed = option.display_type_rich

        def display_type_rich(self: Any, ctx: Any) -> str | None:
            if getattr(self, "is_flag", False) and self.metavar is None:
                return None
            return typed(self, ctx)

        option.display_type_rich = display_type_rich
    if hasattr(argument, "display_type_rich"):
        argument_type = argument.display_type_rich

        def argument_display(self: Any, ctx: Any) -> str | None:
            return None if self.metavar else argument_type(self, ctx)

        argument.display_type_rich = argument_display
    if hasattr(argument, "_usage_display_name"):

        def usage_name(self: Any) -> str:
            name = (self.metavar or self.name or "").upper()
            name = name if self.required else f"[{name}]"
            return name + ("..." if self.nargs != 1 else "")

        argument._usage_display_name = usage_name
    option._lagebild_plain = True

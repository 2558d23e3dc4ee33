"""The auditors' workspace: server-rendered pages under ``/ui`` (see ``app.ui.views``)."""

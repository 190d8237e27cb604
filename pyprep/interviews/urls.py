from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from pyprep.interviews import views

app_name = "interviews"
urlpatterns: list[URLPattern | URLResolver] = [
    path("kit/", views.kit, name="kit"),
    path("kit/sheet.csv", views.kit_sheet, name="kit_sheet"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("plans/<int:pk>/rows/<int:row_pk>/score/", views.row_score, name="row_score"),
    path("plans/<int:pk>/questions/<int:item_pk>/note/", views.question_note, name="note"),
    path("plans/<int:pk>/report/", views.plan_report, name="report"),
    path("plans/<int:pk>/report.csv", views.plan_report_csv, name="report_csv"),
    path("plans/<int:pk>/share/", views.plan_share, name="share"),
    path("plans/<int:pk>/delete/", views.plan_delete, name="delete"),
    path("shared/<str:token>/", views.shared_report, name="shared"),
    path("shared/<str:token>/report.csv", views.shared_report_csv, name="shared_csv"),
]

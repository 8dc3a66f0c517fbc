from django.urls import path
from wagtail.admin.auth import permission_required

from importing import views

app_name = "importing"
guard = permission_required(views.PERMISSION)
urlpatterns = [
    path("", guard(views.ImportView.as_view()), name="index"),
    path("<int:pk>/", guard(views.ImportRunView.as_view()), name="detail"),
]

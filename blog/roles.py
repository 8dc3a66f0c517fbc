"""A group practice's two roles, as Wagtail groups, and the workflow between
them: *Clinicians* write articles and edit their own but cannot publish;
what they submit goes to the *Practice owners*, who publish.

The groups and the workflow are made after every migrate, and each new blog
gets both, so a site set up by hand and the demo are alike. An owner may
change what the groups may do in Settings > Groups: what exists is never
taken away, only what is missing added.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from blog.models import BlogIndexPage

CLINICIANS = "Clinicians"
OWNERS = "Practice owners"
WORKFLOW = "Practice owners' approval"

# What each group may do outside the page tree.
MODEL_PERMISSIONS = {
    CLINICIANS: [
        "wagtailadmin.access_admin",
        # choosing an article's authors
        "base.view_aboutme",
        # the requests addressed to them (consultations.models.visible_to)
        "consultations.view_consultationrequest",
        "consultations.change_consultationrequest",
    ],
    OWNERS: [
        "wagtailadmin.access_admin",
        "base.add_aboutme",
        "base.change_aboutme",
        "base.publish_aboutme",
        "base.view_aboutme",
        "consultations.view_consultationrequest",
        "consultations.change_consultationrequest",
        "consultations.delete_consultationrequest",
        "consultations.assign_consultationrequest",
        "taggit.change_tag",
    ],
}
PAGE_PERMISSIONS = {
    CLINICIANS: ["add_page"],
    OWNERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
IMAGE_PERMISSIONS = {
    CLINICIANS: ["add_image", "choose_image"],
    OWNERS: ["add_image", "change_image", "choose_image"],
}


def permission(name):
    app_label, codename = name.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(sender, **kwargs):
    """The two groups, what they may do, and the workflow: after the last
    app's post_migrate, once every app's permissions exist."""
    if sender is not list(apps.get_app_configs())[-1]:
        return
    groups = {
        name: Group.objects.get_or_create(name=name)[0] for name in (CLINICIANS, OWNERS)
    }
    root_collection = Collection.get_first_root_node()
    for name, group in groups.items():
        group.permissions.add(*(permission(p) for p in MODEL_PERMISSIONS[name]))
        if root_collection is not None:
            for codename in IMAGE_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(f"wagtailimages.{codename}"),
                )
    root = Page.get_first_root_node()
    if root is not None:
        grant(groups[OWNERS], root, PAGE_PERMISSIONS[OWNERS])
    for blog in BlogIndexPage.objects.all():
        open_to_clinicians(blog)


def grant(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(f"wagtailcore.{codename}")
        )


def owners_workflow():
    """The workflow that sends a clinician's article to the owners."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW)
    if created:
        task = GroupApprovalTask.objects.create(name=f"{OWNERS} approve")
        task.groups.set([Group.objects.get(name=OWNERS)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def open_to_clinicians(blog):
    """Clinicians may write in this blog, through the owners' workflow,
    unless the blog has a workflow of its own already."""
    clinicians = Group.objects.filter(name=CLINICIANS).first()
    if clinicians is None:  # before the first migrate has made the groups
        return
    grant(clinicians, blog, PAGE_PERMISSIONS[CLINICIANS])
    WorkflowPage.objects.get_or_create(
        page=blog, defaults={"workflow": owners_workflow()}
    )


def blog_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        open_to_clinicians(instance)

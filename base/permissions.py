"""What readers send (consultation requests, subscribers) is theirs: the
admin may read it and delete it, never add it or, unless a model says so,
change it. Superusers included, which a missing permission alone would not
stop."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReaderDataPolicy(ModelPermissionPolicy):
    def __init__(self, model, allowed=("view", "delete"), **kwargs):
        super().__init__(model, **kwargs)
        self.allowed = set(allowed)

    def user_has_permission(self, user, action):
        return action in self.allowed and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action in self.allowed]
        )

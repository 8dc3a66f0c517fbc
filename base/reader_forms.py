"""The one way a reader's form is taken, on the pages that have one (the
consultation and subscribe pages)."""

from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from base import limits


class ReaderFormPage:
    """A routable page with a reader's form. It names the form (`form_class`),
    the key its hourly limit counts under (`limit_key`) and the route readers
    are sent to once it is taken (`done_route`), and says how many posts an
    hour one address may send (`hourly_limit()`) and how a valid form is
    taken (`accept(request, form)`, False if it was not); `form_kwargs` gives
    the form what else it needs."""

    form_class = None
    limit_key = None
    done_route = None

    def form_response(self, request):
        """An empty form; or, posted: past the hour's limit, refused (429)
        with what they typed still on the page; valid and accepted, on to the
        done page; else shown again with its problems. A post's answer holds
        what one reader typed: never stored by a cache or the browser."""
        kwargs = self.form_kwargs(request)
        if request.method != "POST":
            return self.render(
                request, context_overrides={"form": self.form_class(**kwargs)}
            )
        form = self.form_class(request.POST, **kwargs)
        status = 200
        if limits.over_limit(request, self.limit_key, self.hourly_limit()):
            form.too_many, status = True, 429
        elif form.is_valid() and self.accept(request, form) is not False:
            response = redirect(
                self.get_url(request) + self.reverse_subpage(self.done_route)
            )
            add_never_cache_headers(response)
            return response
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        add_never_cache_headers(response)
        return response

    def form_kwargs(self, request):
        """What the form needs besides the post, such as choices from the
        database."""
        return {}

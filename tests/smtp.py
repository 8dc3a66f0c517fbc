"""A real SMTP server on loopback (aiosmtpd), for the tests that send mail."""

from email import message_from_bytes, policy

from aiosmtpd.controller import Controller

from tests.servers import free_port


class Mailbox:
    """What the server received: each message parsed, with its envelope.

    `refusals` maps an address to the reply refusing it ("550 ..."), and
    `busy` is how many of the next messages get "451 Try again later".
    """

    def __init__(self):
        self.messages = []
        self.refusals = {}
        self.busy = 0

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refusals:
            return self.refusals[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook)
        if self.busy:
            self.busy -= 1
            return "451 Try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted"

    def texts(self):
        return [
            message.get_body(("plain",)).get_content() for _to, message in self.messages
        ]


class SMTPServer:
    def __init__(self):
        self.mailbox = Mailbox()
        self.port = free_port()
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def settings(self):
        """Django's settings for sending through it, as EMAIL_URL gives them."""
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": self.port,
            "EMAIL_USE_TLS": False,
            "EMAIL_USE_SSL": False,
        }

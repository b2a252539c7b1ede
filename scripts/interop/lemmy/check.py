"""The live check against Lemmy (run by run.sh): two Lemmy instances (alpha on
:8541, beta on :8551) and one Collegium instance (:8600). Both Lemmy admins join
a Collegium community; alpha's post in it must reach beta through the Group; a
thread opened on Collegium must reach both, its text shown once; beta's comment
on it must reach alpha."""
import json, sys, time, urllib.request, urllib.parse

C = "http://collegium-test:8600"
ALPHA = "http://lemmy-alpha:8541"
BETA = "http://lemmy-beta:8551"


def call(method, url, body=None, token=None, form=False):
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        if form:
            data = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def wait(what, check, seconds=60):
    for _ in range(seconds * 2):
        v = check()
        if v:
            print("ok:", what)
            return v
        time.sleep(0.5)
    print("FAILED:", what)
    sys.exit(1)


def lemmy_login(base, name):
    s, r = call("POST", f"{base}/api/v3/user/login", {"username_or_email": name, "password": "lemmylemmy"})
    assert s == 200, (s, r)
    return r["jwt"]


# Collegium: a facilitator's token and a community.
s, app = call("POST", f"{C}/api/v1/apps", {"client_name": "check", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": "read write"})
assert s == 200, (s, app)
s, tok = call("POST", f"{C}/oauth/token", {"grant_type": "password", "client_id": app["client_id"], "client_secret": app["client_secret"], "username": "fran", "password": "franfranfran", "scope": "read write"})
assert s == 200, (s, tok)
fran = tok["access_token"]
s, community = call("POST", f"{C}/api/collegium/v1/communities", {"name": "woodworking", "title": "Woodworking in schools"}, fran)
if s != 200:
    s, listing = call("GET", f"{C}/api/collegium/v1/communities")
    community = [c for c in listing if c["name"] == "woodworking"][0]
cid = community["id"]
group = f"{C}/c/woodworking"

tokens = {}
ids = {}
for name, base in [("lemmy_alpha", ALPHA), ("lemmy_beta", BETA)]:
    jwt = lemmy_login(base, name)
    tokens[base] = jwt
    s, r = call("GET", f"{base}/api/v3/resolve_object?q={urllib.parse.quote(group)}", token=jwt)
    assert s == 200, (base, s, r)
    ids[base] = r["community"]["community"]["id"]
# Lemmy starts sending to an instance it has just met only from its next activity on.
time.sleep(12)
for name, base in [("lemmy_alpha", ALPHA), ("lemmy_beta", BETA)]:
    jwt = tokens[base]
    call("POST", f"{base}/api/v3/community/follow", {"community_id": ids[base], "follow": False}, jwt)
    s, r = call("POST", f"{base}/api/v3/community/follow", {"community_id": ids[base], "follow": True}, jwt)
    assert s == 200, (base, s, r)
    wait(f"{name} subscribed", lambda: call("GET", f"{base}/api/v3/community?id={ids[base]}", token=jwt)[1]["community_view"]["subscribed"] == "Subscribed")

wait("Collegium counts 2 members", lambda: call("GET", f"{C}/api/collegium/v1/communities/{cid}")[1]["members_count"] == 2)
# Lemmy reads the subscriber count from our followers collection when it reads
# the community again (a debug build does so after 20 s).
time.sleep(21)
for base in (ALPHA, BETA):
    call("GET", f"{base}/api/v3/resolve_object?q={urllib.parse.quote(group)}", token=tokens[base])
    wait(f"{base} shows 2 subscribers", lambda: call("GET", f"{base}/api/v3/community?id={ids[base]}", token=tokens[base])[1]["community_view"]["counts"]["subscribers"] == 2)

# alpha posts into the Collegium community: it must reach beta through the Group.
s, r = call("POST", f"{ALPHA}/api/v3/post", {"name": "Hand-cut dovetails with a cheap saw", "community_id": ids[ALPHA], "body": "My **results** after a month."}, tokens[ALPHA])
assert s == 200, (s, r)
ap_id = r["post_view"]["post"]["ap_id"]
print("alpha's post:", ap_id)


def titles(base):
    s, r = call("GET", f"{base}/api/v3/post/list?community_id={ids[base]}&sort=New&type_=All", token=tokens[base])
    return [p["post"]["name"] for p in r.get("posts", [])] if s == 200 else []


wait("alpha's post is in the community on Collegium", lambda: any(t.get("collegium", {}).get("title") == "Hand-cut dovetails with a cheap saw" for t in call("GET", f"{C}/api/collegium/v1/communities/{cid}/posts")[1]))
wait("alpha's post reaches beta through the Group", lambda: "Hand-cut dovetails with a cheap saw" in titles(BETA))

# A thread opened on Collegium reaches both.
s, r = call("POST", f"{C}/api/collegium/v1/communities/{cid}/posts", {"title": "Glue-ups without clamps", "body": "Rubber bands and **patience**."}, fran)
assert s == 200, (s, r)
wait("our thread reaches beta", lambda: "Glue-ups without clamps" in titles(BETA))
wait("our thread reaches alpha", lambda: "Glue-ups without clamps" in titles(ALPHA))
s, r = call("GET", f"{BETA}/api/v3/post/list?community_id={ids[BETA]}&sort=New&type_=All", token=tokens[BETA])
ours = [p for p in r["posts"] if p["post"]["name"] == "Glue-ups without clamps"][0]
print("beta shows our thread body:", repr(ours["post"].get("body")))
assert ours["post"].get("body") == "Rubber bands and **patience**.", "the title or markup is doubled"

# beta comments on our thread; the comment reaches Collegium and alpha.
s, r = call("POST", f"{BETA}/api/v3/comment", {"content": "Works for small boxes too.", "post_id": ours["post"]["id"]}, tokens[BETA])
assert s == 200, (s, r)
wait("beta's comment reaches alpha", lambda: any(c["comment"]["content"] == "Works for small boxes too." for c in call("GET", f"{ALPHA}/api/v3/comment/list?community_id={ids[ALPHA]}&type_=All", token=tokens[ALPHA])[1].get("comments", [])))
print("ALL CHECKS PASSED")

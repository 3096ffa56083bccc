"""The versioned JSON API: one router (urls.py) and the policies every endpoint shares."""

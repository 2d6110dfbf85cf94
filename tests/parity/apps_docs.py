APPS: list = []

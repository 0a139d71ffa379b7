"""legcheck: are my leg jerks normal?"""

"""Allow ``python -m haikulint``."""

from haikulint.cli import main

if __name__ == "__main__":
    main()

"""Allow ``python -m haikulint``."""

from haikulint.launch import main

if __name__ == "__main__":
    main()

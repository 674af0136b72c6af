from .cli_startup import main

if __name__ == "__main__":
    main()

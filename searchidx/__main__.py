from searchidx.cli.main import main

main()

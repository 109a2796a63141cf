from gsomia_cli.cli import main

main()

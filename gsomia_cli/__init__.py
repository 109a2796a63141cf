"""gsomia: index and compare news coverage of the 2019 GSOMIA crisis."""

__version__ = "0.1.0"

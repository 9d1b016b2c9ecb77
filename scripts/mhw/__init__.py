"""mh-warehouse: loaders, demo generator, statistics and exports around the dbt project."""

__version__ = "0.1.0"

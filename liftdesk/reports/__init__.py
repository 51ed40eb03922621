"""District figures: yearly statistics and the district report workbook."""

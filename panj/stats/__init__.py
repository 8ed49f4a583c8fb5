"""Network statistics, disclosure control and open data that can identify no one."""

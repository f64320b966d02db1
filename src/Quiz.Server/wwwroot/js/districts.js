// Hangzhou's districts and counties, in the order the city lists them (ContestGroups.Hangzhou on the server holds the
// same list): the assessment profile's choices, and a contest's districts unless its organizer gives others.
export const DISTRICTS = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];

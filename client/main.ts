import './styles/theme.css';
import './components/rpm-app';
